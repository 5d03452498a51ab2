package r;

import java.util.List;

/** A response object with setters; nothing in the project calls them, it is only serialised. */
public class Board {
    private Long lunchId;
    private List<VoterTo> voters;

    public Board(Long lunchId, List<VoterTo> voters) {
        this.lunchId = lunchId;
        this.voters = voters;
    }

    public Long getLunchId() { return lunchId; }
    public void setLunchId(Long lunchId) { this.lunchId = lunchId; }
    public List<VoterTo> getVoters() { return voters; }
    public void setVoters(List<VoterTo> voters) { this.voters = voters; }
}
