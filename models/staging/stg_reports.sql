with

source as (

    select * from {{ source('ingest', 'raw_reports') }}

),

final as (

    select
        report_id,
        file_name,
        municipality,
        municipality_code,
        committee,
        report_kind,
        period_start,
        period_end,
        year(period_end) as report_year,
        metadata_source,
        metadata_evidence,
        content_sha256,
        text_encoding,
        line_endings,
        file_bytes,
        line_count
    from source

)

select * from final
