package shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.*;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
class CatHttpTest {
    static ConfigurableApplicationContext ctx;
    static int port;
    @BeforeAll static void start() { ctx = SpringApplication.run(App.class, "--server.port=0"); port = Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port")); }
    @AfterAll static void stop() { ctx.close(); }
    static String get(int port, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
    @Test void renameShows() throws Exception {
        CatRepository cats = ctx.getBean(CatRepository.class);
        cats.saveAndFlush(new Cat(1L, "tom", 1L));
        assertEquals("tom", get(port, "/cats/1"));
        Cat c = cats.findById(1L).orElseThrow();
        c.setName("felix");
        cats.saveAndFlush(c);
        assertEquals("felix", get(port, "/cats/1"));
    }
}
