with

source as (

    select * from {{ source('ingest', 'raw_line_coverage') }}

),

final as (

    select
        report_id,
        source_line,
        outcome,
        placed_in,
        table_id
    from source

)

select * from final
