namespace Conformance.Contracts;

/// <summary>A state-changing operation's catalogue, as the generic lifecycle scenarios find its subject.</summary>
internal interface ILifecycleCatalogue
{
    /// <summary>The operation as the shared contracts judge it.</summary>
    public static abstract OperationUnderTest Subject { get; }
}
