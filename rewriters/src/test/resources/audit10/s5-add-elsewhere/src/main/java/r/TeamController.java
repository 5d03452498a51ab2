package r;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.*;
@RestController
public class TeamController {
    private final TeamService service;
    private final TeamDao teams;
    TeamController(TeamService service, TeamDao teams) { this.service = service; this.teams = teams; }
    @PostMapping("/scores/by-team") public Map<Integer, List<Score>> byTeam(@RequestBody List<Score> scores) { return service.byTeam(scores); }
    @PostMapping("/players") public void add(@RequestParam long id, @RequestParam int team) { teams.addPlayer(id, team); }
}
