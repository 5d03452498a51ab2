package shop;
public class Flags {
    private boolean liked;
    public Flags(boolean liked) { this.liked = liked; }
    public boolean isLiked() { return liked; }
    public void setLiked(boolean liked) { this.liked = liked; }
}
