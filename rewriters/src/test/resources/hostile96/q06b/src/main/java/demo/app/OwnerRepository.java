package demo.app;
public interface OwnerRepository {
    Owner findById(int id);
}
