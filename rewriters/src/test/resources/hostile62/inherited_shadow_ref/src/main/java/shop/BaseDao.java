package shop;

public abstract class BaseDao {
    protected final Labeler labeler = new Labeler();
}
