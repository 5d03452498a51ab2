package r1;
import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;
@SpringBootTest
class ItemServiceTest {
    @Autowired ItemService service;
    @Autowired ItemRepository repo;

    @Test
    void readsOneItem() {                 // reads getName, writes nothing itself
        Long id = service.add("a");
        assertThat(service.getName(id)).isEqualTo("a");
    }

    @Test @Transactional                  // rolled back; reads only names(), never getName()
    void emptyAfterDeleteAll() {
        repo.deleteAll();
        assertThat(service.names()).isEmpty();
    }
}
