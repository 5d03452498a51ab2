package demo.app;
public interface PetRepository {
    Pet findById(int id);
    void save(Pet pet);
}
