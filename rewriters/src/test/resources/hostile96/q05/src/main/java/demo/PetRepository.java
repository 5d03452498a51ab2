package demo;
public interface PetRepository {
    Pet findById(int id);
    void save(Pet pet);
}
