package r;
public class RecordRow {
    private final String nickname;
    private final int score;
    public RecordRow(String nickname, int score) { this.nickname = nickname; this.score = score; }
    public String getNickname() { return nickname; }
    public int getScore() { return score; }
}
