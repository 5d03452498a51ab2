package shop;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
@IntegrationTest
class StoreTest {
    @Autowired ProductStore store;
    @Test void reads() { store.name(1L); }
}
