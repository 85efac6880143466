package io.rampart.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

import com.google.common.collect.ImmutableMap;

import io.rampart.core.flow.Flow;

/**
 * Everything in {@code rampart.properties}, parsed strictly: every section reads its keys through
 * one {@link ConfigReader}, and any key left unread is an error naming it. Each section is its own
 * class with public defaults; the README's reference lists them all.
 */
public final class RampartConfiguration {
    public static final String FILE_NAME = "rampart.properties";

    public static RampartConfiguration load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": Rampart configuration file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    public static RampartConfiguration parse(String source, InputStream in) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": not a valid properties file: " + e.getMessage(), e);
        }
        return parse(source, properties);
    }

    public static RampartConfiguration parse(String source, Properties properties) {
        ConfigReader reader = new ConfigReader(source, properties);
        RampartConfiguration configuration = new RampartConfiguration(reader);
        reader.checkAllConsumed();
        return configuration;
    }

    public static RampartConfiguration defaults() {
        return parse("defaults", new Properties());
    }

    private final String source;
    private final ScanSettings scan;
    private final ImmutableMap<Flow, FlowSettings> flows;
    private final NetworkSettings network;
    private final NotificationSettings notifications;
    private final QuarantineSettings quarantine;
    private final ReviewSettings review;
    private final ReportSettings reports;
    private final DetectionSettings detection;
    private final StateSettings state;
    private final LimitSettings limits;
    private final PolicySettings policy;
    private final AuditSettings audit;
    private final BehaviourSettings behaviour;
    private final AttachmentSettings attachments;
    private final RecallSettings recall;
    private final IntelSettings intel;

    private RampartConfiguration(ConfigReader reader) {
        this.source = reader.source();
        this.scan = ScanSettings.from(reader);
        Map<Flow, FlowSettings> flowSettings = new EnumMap<>(Flow.class);
        for (Flow flow : Flow.values()) {
            flowSettings.put(flow, FlowSettings.from(reader, flow));
        }
        this.flows = ImmutableMap.copyOf(flowSettings);
        this.network = NetworkSettings.from(reader);
        this.notifications = NotificationSettings.from(reader);
        this.quarantine = QuarantineSettings.from(reader);
        this.review = ReviewSettings.from(reader);
        this.reports = ReportSettings.from(reader);
        this.detection = DetectionSettings.from(reader);
        this.state = StateSettings.from(reader);
        this.limits = LimitSettings.from(reader);
        this.policy = PolicySettings.from(reader);
        this.audit = AuditSettings.from(reader);
        this.behaviour = BehaviourSettings.from(reader);
        this.attachments = AttachmentSettings.from(reader);
        this.recall = RecallSettings.from(reader);
        this.intel = IntelSettings.from(reader);
    }

    public String source() {
        return source;
    }

    public ScanSettings scan() {
        return scan;
    }

    public FlowSettings flow(Flow flow) {
        return flows.get(flow);
    }

    public NetworkSettings network() {
        return network;
    }

    public NotificationSettings notifications() {
        return notifications;
    }

    public QuarantineSettings quarantine() {
        return quarantine;
    }

    /** Quarantine retention and digests. */
    public ReviewSettings review() {
        return review;
    }

    public ReportSettings reports() {
        return reports;
    }

    public DetectionSettings detection() {
        return detection;
    }

    public StateSettings state() {
        return state;
    }

    public LimitSettings limits() {
        return limits;
    }

    public PolicySettings policy() {
        return policy;
    }

    public AuditSettings audit() {
        return audit;
    }

    public BehaviourSettings behaviour() {
        return behaviour;
    }

    public AttachmentSettings attachments() {
        return attachments;
    }

    public RecallSettings recall() {
        return recall;
    }

    public IntelSettings intel() {
        return intel;
    }
}
