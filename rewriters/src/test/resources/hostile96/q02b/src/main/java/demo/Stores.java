package demo;
/** Bean names of the stores. */
public final class Stores {
    public static final String JPA_OWNERS = "jpaOwnerRepositoryImpl";
    private Stores() {}
}
