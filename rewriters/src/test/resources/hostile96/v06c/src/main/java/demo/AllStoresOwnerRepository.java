package demo;
import java.util.*;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
@Component
@Primary
public class AllStoresOwnerRepository implements OwnerRepository {
    private final ObjectProvider<JpaOwnerRepositoryImpl> jpa;
    private final List<OwnerRepository> stores;
    public AllStoresOwnerRepository(ObjectProvider<JpaOwnerRepositoryImpl> jpa, List<OwnerRepository> stores) { this.jpa = jpa; this.stores = stores; }
    public Collection<Owner> findByLastName(String lastName) {
        return stores.get(0).findByLastName(lastName);
    }
    public void rename(int id, String lastName) {
        stores.forEach(s -> s.rename(id, lastName));
    }
}
