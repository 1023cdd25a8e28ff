with

source as (

    select * from {{ source('ingest', 'raw_indicator_values') }}

),

final as (

    select
        report_id,
        table_id,
        row_number,
        column_number,
        column_header,
        value_role,
        period_start,
        period_end,
        printed_text,
        value,
        is_percent,
        coalesce(printed_text, '') in ('', '-') as is_empty,
        source_line
    from source

)

select * from final
