with

source as (

    select * from {{ source('ingest', 'raw_report_tables') }}

),

final as (

    select
        report_id,
        table_id,
        table_family,
        table_title,
        title_key as table_title_key,
        title_line,
        header_last_line,
        last_line,
        column_count,
        header_text,
        unit,
        read_note,
        truncation
    from source

)

select * from final
