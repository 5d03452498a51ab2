package r;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
@Service
public class RecordService {
    private final UserDao users;
    RecordService(UserDao users) { this.users = users; }
    // only the String nickname of info()'s result goes into the rows this method returns
    public List<RecordRow> records(List<Integer> players) {
        List<RecordRow> rows = new ArrayList<>();
        for (int p : players) {
            rows.add(new RecordRow(users.info(p).getNickname(), p));
        }
        return rows;
    }
}
