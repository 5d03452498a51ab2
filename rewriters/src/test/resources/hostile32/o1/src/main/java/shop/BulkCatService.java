package shop;
/** Renames for the import job: names arrive padded. Not a bean: the job makes its own. */
public class BulkCatService extends CatService {
    public BulkCatService(CatRepository repo) { super(repo); }
    @Override public void rename(Long id, String n) { super.rename(id, n.trim()); }
}
