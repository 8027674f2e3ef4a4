// The integration tests share one RabbitMQ node and one s3rver, and some of them stop the broker
// (FaultTests) or kill processes: run the classes one after another, so no test sees another's outage.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
