package com.spring.boot.example.mybatis.validation;

import com.spring.boot.example.mybatis.MyBatisWithSpringBootApplication;
import com.spring.boot.example.mybatis.application.TagsService;
import com.spring.boot.example.mybatis.core.article.Article;
import com.spring.boot.example.mybatis.core.article.ArticleRepository;
import com.spring.boot.example.mybatis.core.user.UserRepository;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** optkit validate fixture: the whole application on a random port, over its in-memory H2 and Flyway. */
public final class ValidationFixture implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final AtomicInteger published = new AtomicInteger();

    private ValidationFixture(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static ValidationFixture start() {
        SpringApplication application = new SpringApplication(MyBatisWithSpringBootApplication.class);
        application.setDefaultProperties(Map.of("server.port", "0", "spring.main.banner-mode", "off",
                "logging.level.root", "WARN"));
        return new ValidationFixture(application.run());
    }

    public TagsService tags() {
        return context.getBean(TagsService.class);
    }

    /** A write through the application: Peter publishes an article with one tag, as the article API does. */
    public void publish(String tag) {
        String author = context.getBean(UserRepository.class).findByEmail("peter.mayer@example.de").orElseThrow().getId();
        int n = published.incrementAndGet();
        context.getBean(ArticleRepository.class).save(new Article("Validation article " + n, "about " + tag,
                "body " + n, new String[] {tag}, author));
    }

    @Override
    public void close() {
        context.close();
    }
}
