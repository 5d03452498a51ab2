package dev.optkit.samples.spring;

import dev.optkit.samples.spring.downstream.PartnerApiDownstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(AppConfig.class)
abstract class PartnerApiTestSupport {

    static final PartnerApiDownstream DOWNSTREAM = startDownstream();

    @Autowired
    CacheManager cacheManager;

    @DynamicPropertySource
    static void partnerApi(DynamicPropertyRegistry registry) {
        registry.add(AppConfig.PARTNER_BASE_URL, DOWNSTREAM::baseUrl);
    }

    @BeforeEach
    void resetDownstreamAndCaches() {
        DOWNSTREAM.reset();
        cacheManager.getCacheNames().forEach(name -> Objects.requireNonNull(cacheManager.getCache(name)).clear());
    }

    private static PartnerApiDownstream startDownstream() {
        try {
            return PartnerApiDownstream.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
