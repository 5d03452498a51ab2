package r;

import org.springframework.stereotype.Service;

@Service
public class RestaurantService {
    private final RestaurantRepository repository;
    private final VoteRepository voteRepository;

    public RestaurantService(RestaurantRepository repository, VoteRepository voteRepository) {
        this.repository = repository;
        this.voteRepository = voteRepository;
    }

    public void delete(int id) {
        isDeletionAllowed(id);
        repository.deleteById(id);
    }

    private void isDeletionAllowed(int id) {
        if (voteRepository.countVotesByRestaurantId(id) != 0) {
            throw new IllegalStateException("restaurant has votes");
        }
    }
}
