namespace TimerGrid.Grains.Interfaces.Calls;

/// <summary>
/// Marks a grain method whose repeat has the effect of one call (create with the same body, get, replace, delete,
/// pause, resume, list): a caller that lost the answer to a silo fault may send it again, though the first may have run.
/// Never on a method that does something each time, such as run-now or replay.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class IdempotentAttribute : Attribute;
