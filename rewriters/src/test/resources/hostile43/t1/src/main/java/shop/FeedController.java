package shop;
import org.springframework.web.bind.annotation.*;
@RestController
public class FeedController {
    private final Feed feed;
    public FeedController(Feed feed) { this.feed = feed; }
    @GetMapping("/feed") public String feed(@RequestParam Long id, @RequestParam String user) { return feed.feed(id, user); }
}
