package org.whatmatters.local.engines;

/** An AWS::S3::Bucket; bucketName is null unless the template gives a literal BucketName. */
public record BucketSpec(String logicalId, String bucketName) {}
