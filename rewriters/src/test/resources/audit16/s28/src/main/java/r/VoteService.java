package r;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class VoteService {
    private final VoteRepository voteRepository;

    public VoteService(VoteRepository voteRepository) {
        this.voteRepository = voteRepository;
    }

    // the authors' cache on a writer: a plain @Cacheable, not sync = true
    @Cacheable("votes")
    @Transactional
    public Vote create(int restaurantId) {
        return voteRepository.save(new Vote(restaurantId));
    }
}
