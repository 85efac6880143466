package io.rampart.core.feedback;

import java.util.Set;

/** Threat indicators learned locally (confirmed reports). The detection engine consults them through {@link LocalIndicatorAnalyzer}. */
public interface LocalIndicators {
    void add(Indicator indicator);

    boolean contains(Indicator indicator);

    boolean remove(Indicator indicator);

    Set<Indicator> all();
}
