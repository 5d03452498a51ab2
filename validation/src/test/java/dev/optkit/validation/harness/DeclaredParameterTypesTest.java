package dev.optkit.validation.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A proxy subclass's override has no generic signature: the workload's arguments take the application's types. */
class DeclaredParameterTypesTest {
  public static class Service {
    public int audit(List<Long> ids, String action) {
      return ids.size();
    }
  }

  /** What Spring's CGLIB proxy of a @Transactional bean looks like to reflection: the same method, raw. */
  public static class Proxy extends Service {
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public int audit(List ids, String action) {
      return super.audit(ids, action);
    }
  }

  @Test
  void theGenericTypesComeFromTheClassTheProxyExtends() throws Exception {
    Method proxied = Proxy.class.getMethod("audit", List.class, String.class);
    assertEquals(List.class, proxied.getGenericParameterTypes()[0], "the proxy's own signature is raw");
    ParameterizedType declared = (ParameterizedType) ScenarioDriver.declaredTypes(proxied)[0];
    assertEquals(List.class, declared.getRawType());
    assertEquals(Long.class, declared.getActualTypeArguments()[0]);
    assertEquals(String.class, ScenarioDriver.declaredTypes(proxied)[1]);
  }
}
