package demo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.when;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
@SpringBootTest
class ItemServiceMockTest {
  @Autowired ItemService service;
  @MockitoBean ItemDao dao;
  @ParameterizedTest
  @ValueSource(strings = {"a", "b", "c"})
  void namesComeFromTheDao(String n) {
    when(dao.names()).thenReturn(List.of(n));   // each invocation stubs a different answer
    assertEquals(List.of(n), service.names());  // after apply: "a" is cached and returned for b and c
  }
}
