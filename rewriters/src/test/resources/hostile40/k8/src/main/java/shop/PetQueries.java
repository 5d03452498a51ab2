package shop;
public interface PetQueries {
    String RENAME = "update pet set name = ? where id = ?";
}
