package io.rampart.mailets;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.inject.Singleton;

import org.apache.james.core.Domain;
import org.apache.james.domainlist.api.DomainList;
import org.apache.james.domainlist.api.DomainListException;

import com.google.common.base.Suppliers;

/** The domains James serves, lower-case, refreshed every 30 seconds (domains are rarely added). */
@Singleton
public class LocalDomains {
    private static final Duration REFRESH = Duration.ofSeconds(30);

    private final DomainList domainList;
    private final Supplier<Set<String>> cached;

    @Inject
    public LocalDomains(DomainList domainList) {
        this.domainList = domainList;
        this.cached = Suppliers.memoizeWithExpiration(this::load, REFRESH.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public Set<String> get() {
        return cached.get();
    }

    public String defaultDomain() {
        try {
            return domainList.getDefaultDomain().asString();
        } catch (DomainListException e) {
            throw new IllegalStateException("Cannot read James's default domain", e);
        }
    }

    private Set<String> load() {
        try {
            return domainList.getDomains().stream().map(Domain::asString).collect(Collectors.toCollection(
                java.util.TreeSet::new));
        } catch (DomainListException e) {
            throw new IllegalStateException("Cannot list James's domains", e);
        }
    }

}
