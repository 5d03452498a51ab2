package shop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
/** A reusable contract: any HTTP test class may implement it. */
interface RenameContract {
    static String get(int port, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
    @Test default void renameShows(@Autowired CatRepository cats, @Autowired Environment env) throws Exception {
        int port = Integer.parseInt(env.getProperty("local.server.port"));
        cats.saveAndFlush(new Cat(1L, "tom", 1L));
        assertEquals("tom", get(port, "/cats/1"));
        Cat c = cats.findById(1L).orElseThrow();
        c.setName("felix");
        cats.saveAndFlush(c);
        assertEquals("felix", get(port, "/cats/1"));
    }
}
