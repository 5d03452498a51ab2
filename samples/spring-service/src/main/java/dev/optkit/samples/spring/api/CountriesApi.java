package dev.optkit.samples.spring.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The API contract as openapi-generator writes it (interface-only mode): the mapping lives here,
 * the controller implementing it carries none. A method implementing it is a request handler.
 */
public interface CountriesApi {

    @GetMapping("/countries/{code}/name")
    String countryName(@PathVariable("code") String code);
}
