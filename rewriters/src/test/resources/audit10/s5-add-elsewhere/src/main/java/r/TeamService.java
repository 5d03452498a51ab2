package r;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
@Service
public class TeamService {
    private final TeamDao teams;
    TeamService(TeamDao teams) { this.teams = teams; }
    // groups scores by team: teamOf() returns an int; the add() is on this method's own map of lists
    public Map<Integer, List<Score>> byTeam(List<Score> scores) {
        Map<Integer, List<Score>> grouped = new HashMap<>();
        for (Score s : scores) {
            int team = teams.teamOf(s.playerId());
            if (!grouped.containsKey(team)) {
                List<Score> list = new ArrayList<>();
                list.add(s);
                grouped.put(team, list);
            } else {
                grouped.get(team).add(s);
            }
        }
        return grouped;
    }
}
