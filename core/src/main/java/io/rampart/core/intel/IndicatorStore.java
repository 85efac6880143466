package io.rampart.core.intel;

import java.util.List;
import java.util.Optional;

/** Threat indicators, active and revoked (kept so their recalls can be explained). */
public interface IndicatorStore {
    /** Adds, or refreshes the indicator with the same type, value and source; returns the stored one. */
    Indicator put(Indicator indicator);

    Optional<Indicator> get(String id);

    List<Indicator> list();

    /** Active indicators with exactly this type and normalised value. */
    List<Indicator> find(IndicatorType type, String value);

    void replace(Indicator indicator);
}
