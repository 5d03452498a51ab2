package shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatHttpTest {
    @LocalServerPort int port;
    @Autowired CatRepository cats;
    static String get(int port, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
    @Nested
    class Renaming {
        @Test void renameShows() throws Exception {
            cats.saveAndFlush(new Cat(1L, "tom", 1L));
            assertEquals("tom", get(port, "/cats/1"));
            Cat c = cats.findById(1L).orElseThrow();
            c.setName("felix");
            cats.saveAndFlush(c);
            assertEquals("felix", get(port, "/cats/1"));
        }
    }
}
