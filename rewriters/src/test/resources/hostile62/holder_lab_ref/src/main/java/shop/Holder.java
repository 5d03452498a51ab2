package shop;

public class Holder {
    public final Labeler labeler = new Labeler();
}
