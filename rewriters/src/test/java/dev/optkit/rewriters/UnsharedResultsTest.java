package dev.optkit.rewriters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.optkit.rewriters.plan.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * Results no caller shares with the cache: a value sent to Kafka is serialised, and what a mapper makes is new.
 * Cases from the 2026-11-25 audits of optkit's refusal reasons on public projects (the first a review of 30
 * refusals on four projects, then the fourth and fifth audits and hostile probes of them; each case's comment names
 * its project), each beside a true twin: the code the reason names must do what it says.
 */
class UnsharedResultsTest extends SpringProjectPlans {
  // ---- a value sent to Kafka is serialised, not shared (fourth audit: GlazyrinAV StatsRepository.updateViews)

  private MigrationPlan sentViews(String name, String field, String send) {
    return spring(name)
        .java(MigrationSafetyTest.bean("ViewStore", "Repository", "import org.springframework.stereotype.Repository;", """
                public java.util.List<String> views() {
                    return jdbc.queryForList("SELECT uri FROM views", String.class);
                }
            """))
        .java("""
            package shop;

            import org.springframework.stereotype.Service;

            @Service
            public class ViewPublisher {
                private final ViewStore store;
                %s

                public ViewPublisher(ViewStore store) {
                    this.store = store;
                }

                public void publish() {
                    %s
                }
            }
            """.formatted(field, send))
        .plan();
  }

  @Test
  void aValueSentToKafkaIsSerialisedNotShared() {
    MigrationPlan kafka = sentViews("kafka",
        "private final org.springframework.kafka.core.KafkaTemplate<String, Object> kafka = null;",
        "kafka.send(\"views\", store.views());");
    String why = refusal(kafka, "views").orElse("cached");
    assertFalse(why.contains("whose receivers optkit cannot list"), why);
    // the true twin: an application event's listeners run in this process and get the object itself
    MigrationPlan event = sentViews("event",
        "private final org.springframework.context.ApplicationEventPublisher events = null;",
        "events.publishEvent(store.views());");
    why = refusal(event, "views").orElse("cached");
    assertTrue(why.contains("hands the result it gets to publishEvent(), whose receivers optkit cannot list"), why);
  }

  // ---- what a mapper makes is new (fifth audit: basilisk1869 explore-with-me getEvent)

  @Test
  void aSetterOnWhatAMapperMadeChangesNothingShared() {
    MigrationPlan plan = spring("mapped")
        .java("""
            package shop;

            public class EventDto {
                private String title;
                private long views;

                public String getTitle() {
                    return title;
                }

                public void setViews(long views) {
                    this.views = views;
                }
            }
            """)
        .java(MigrationSafetyTest.bean("Events", "Service",
            "import org.modelmapper.ModelMapper;\nimport org.springframework.stereotype.Service;", """
                private final ModelMapper mapper = new ModelMapper();

                public EventDto event(long id) {
                    String title = jdbc.queryForObject("SELECT title FROM events WHERE id = ?", String.class, id);
                    EventDto dto = mapper.map(title, EventDto.class);
                    dto.setViews(0L);
                    return dto;
                }
            """))
        .plan();
    String why = refusal(plan, "event").orElse("cached");
    assertFalse(why.contains("setViews on what map() returned"), why);
  }
}
