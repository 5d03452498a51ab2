package dev.optkit.samples.spring;

import java.math.BigDecimal;

/** Where negotiated exchange rates are stored; one implementation per deployment profile. */
public interface RateStore {

    void saveRate(String currency, BigDecimal rate);
}
