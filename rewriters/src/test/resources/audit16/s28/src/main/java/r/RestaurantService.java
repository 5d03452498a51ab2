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
        repository.deleteById(id);
    }

    public void describe(int id) {
        System.out.println("restaurant " + id + " has " + voteRepository.countVotesByRestaurantId(id) + " votes");
    }
}
