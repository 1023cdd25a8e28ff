with

source as (

    select * from {{ ref('raw_reports') }}

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
        metadata_evidence
    from source

)

select * from final
