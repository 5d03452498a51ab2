package dev.optkit.samples.spring;

import dev.optkit.samples.spring.api.CountriesApi;
import org.springframework.web.bind.annotation.RestController;

/** Implements the generated contract: a handler even though none of its own annotations says so. */
@RestController
public class CountriesController implements CountriesApi {

    private final ReferenceDataDao referenceData;

    public CountriesController(ReferenceDataDao referenceData) {
        this.referenceData = referenceData;
    }

    @Override
    public String countryName(String code) {
        return referenceData.findCountryName(code);
    }
}
