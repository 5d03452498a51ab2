package shop;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
@SpringBootTest
class CatHttpTest {
    @Autowired WebApplicationContext context;
    @Autowired CatRepository cats;
    @Test void renameShows() throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup(context).build();
        cats.saveAndFlush(new Cat(1L, "tom", 1L));
        mvc.perform(get("/cats/1")).andExpect(content().string("tom"));
        Cat c = cats.findById(1L).orElseThrow();
        c.setName("felix");
        cats.saveAndFlush(c);
        mvc.perform(get("/cats/1")).andExpect(content().string("felix"));
    }
}
