package io.rampart.webadmin;

import java.util.Optional;

import javax.inject.Inject;

import org.apache.james.webadmin.Routes;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableSet;

import io.rampart.core.Rampart;
import io.rampart.core.analysis.ScanContext;
import io.rampart.core.flow.Flow;
import io.rampart.core.verdict.Verdict;
import io.rampart.core.verdict.VerdictJson;
import io.rampart.mailets.LocalDomains;
import spark.Request;
import spark.Service;

/**
 * {@code POST /rampart/scan?flow=inbound|outbound|internal} with a raw RFC 5322 message as the body
 * ({@code Content-Type: message/rfc822}):
 * answers the verdict Rampart would give, without delivering anything. For admins testing rules.
 */
public class ScanRoutes implements Routes {
    public static final String BASE_PATH = "/rampart/scan";

    private final Rampart rampart;
    private final LocalDomains localDomains;

    @Inject
    public ScanRoutes(Rampart rampart, LocalDomains localDomains) {
        this.rampart = rampart;
        this.localDomains = localDomains;
    }

    @Override
    public String getBasePath() {
        return BASE_PATH;
    }

    @Override
    public void define(Service service) {
        service.post(BASE_PATH, (request, response) -> {
            byte[] body = request.bodyAsBytes();
            if (body == null || body.length == 0) {
                // curl --data-binary sends application/x-www-form-urlencoded unless told otherwise, and
                // WebAdmin then reads the body as a form before this route sees it: say so.
                throw new IllegalArgumentException("The request body must be a raw RFC 5322 message sent with "
                    + "Content-Type: message/rfc822 (got " + Optional.ofNullable(request.contentType()).orElse("no type")
                    + " with no readable body)");
            }
            ScanContext context = ScanContext.builder()
                .flow(flow(request))
                .recipients(Splitter.on(',').omitEmptyStrings().trimResults()
                    .splitToList(Optional.ofNullable(request.queryParams("recipients")).orElse("")))
                .localDomains(ImmutableSet.copyOf(localDomains.get()))
                .record(false)
                .build();
            Verdict verdict = rampart.engine().scan(body, context);
            response.type("application/json");
            return VerdictJson.toJsonString(verdict);
        });
    }

    private static Flow flow(Request request) {
        return Optional.ofNullable(request.queryParams("flow")).map(Flow::parse).orElse(Flow.INBOUND);
    }
}
