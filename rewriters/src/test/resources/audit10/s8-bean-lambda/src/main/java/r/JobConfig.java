package r;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.configuration.annotation.StepBuilderFactory;
import org.springframework.batch.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
// As in Kim-Ji-Seop/CapstoneProjectServer-jdbcTemplate src/batch/JobConfiguration.java (Spring Batch 4 API):
// check() only builds a Step; the tasklet lambda runs later, once per job execution.
@Configuration
public class JobConfig {
    @Autowired
    private StepBuilderFactory stepBuilderFactory;
    @Autowired
    private QueueDao queueDao;

    @Bean
    public Step check() {
        return stepBuilderFactory.get("check")
                .tasklet((stepContribution, chunkContext) -> {
                    int n = queueDao.countByStatus("A");
                    if (n == 0) {
                        stepContribution.setExitStatus(ExitStatus.FAILED);
                    }
                    return RepeatStatus.FINISHED;
                }).build();
    }
}
