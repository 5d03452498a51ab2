package shop;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.junit.jupiter.web.SpringJUnitWebConfig;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A page request that has loaded a product (its breadcrumbs) while another request renames it: the request's
 * EntityManager answers its later read with the instance it loaded first. A later page must show the new name.
 */
@SpringJUnitWebConfig(AppConfig.class)
class PageAfterRenameTest {
    @Autowired WebApplicationContext context;
    @Autowired RequestEntityManagerFilter requestEntityManagerFilter;
    @Autowired Breadcrumbs breadcrumbs;
    @Autowired ProductService productService;

    @Test
    void aLaterPageShowsTheCommittedName() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(requestEntityManagerFilter).build();
        mvc.perform(post("/products").param("id", "1").param("name", "Old").param("price", "10"))
            .andExpect(status().isOk());

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // the steps of ProductController.page, with another request's rename between them
            requestEntityManagerFilter.doFilter(new MockHttpServletRequest("GET", "/products/1"),
                new MockHttpServletResponse(), (request, response) -> {
                    breadcrumbs.trail(1L);
                    try {
                        other.submit(() -> productService.rename(1L, "New")).get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    productService.find(1L);
                });
        } finally {
            other.shutdown();
        }

        mvc.perform(get("/products/1")).andExpect(status().isOk())
            .andExpect(jsonPath("$.name").value("New"))
            .andExpect(jsonPath("$.trail").value("Home > New"));
    }
}
