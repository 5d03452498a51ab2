package shop;
@org.springframework.data.mongodb.core.mapping.Document("customer") public class Customer extends Party {}
