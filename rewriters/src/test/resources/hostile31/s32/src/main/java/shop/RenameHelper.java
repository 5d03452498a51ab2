package shop;
public final class RenameHelper {
    private RenameHelper() {}
    public static void apply(ProductService service, Long id, String owner) { service.update(id, owner.trim()); }
}
