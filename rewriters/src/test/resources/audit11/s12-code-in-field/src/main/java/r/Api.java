package r;

import org.springframework.web.bind.annotation.*;

@RestController
public class Api {
    private final VoteService votes;
    private final MemberService members;
    public Api(VoteService votes, MemberService members) { this.votes = votes; this.members = members; }
    @GetMapping("/members/{id}/voted")
    public boolean voted(@PathVariable int id) { return votes.hasVoted(id); }
    @PostMapping("/members/{id}/votes")
    public Vote vote(@PathVariable int id, @RequestParam int restaurantId) { return votes.create(restaurantId, id); }
    @DeleteMapping("/members/{id}")
    public void delete(@PathVariable int id) { members.delete(id); }
}
