package demo;

/** Moves customers in the test database. */
interface Seeder {
    void moveTo(String country);
}
