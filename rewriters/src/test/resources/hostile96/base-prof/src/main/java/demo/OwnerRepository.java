package demo;
public interface OwnerRepository {
    Owner findById(int id);
}
