package demo;
import java.util.Collection;
public interface OwnerRepository {
    Collection<Owner> findByLastName(String lastName);
    void rename(int id, String lastName);
}
